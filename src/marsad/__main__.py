from marsad.cli import main

raise SystemExit(main())
