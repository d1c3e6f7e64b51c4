from workshop.cli.main import main

raise SystemExit(main())
