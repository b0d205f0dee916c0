"""`marsad serve`: the web UI and REST API over a corpus file."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from marsad.cli.ingest import DEFAULT_DB
from marsad.errors import MarsadError


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "serve", help="serve the web UI and REST API over a corpus",
        description="Serve the analyst's web pages (Arabic, right to left) and the JSON API (OpenAPI at "
                    "/docs) over a corpus file. Read-only unless --allow-ingest is given with a token.")
    p.add_argument("--db", type=Path, default=DEFAULT_DB, metavar="FILE",
                   help=f"the corpus file (default {DEFAULT_DB})")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--allow-ingest", action="store_true",
                   help="enable POST /api/ingest (needs --token or env MARSAD_TOKEN)")
    p.add_argument("--token", default=None, metavar="T",
                   help="Bearer token for POST /api/ingest (default: env MARSAD_TOKEN)")
    p.add_argument("--max-body", type=int, default=2_000_000, metavar="BYTES",
                   help="largest request body accepted (default 2000000)")
    p.set_defaults(func=run)


def settings_from(args: argparse.Namespace):  # -> WebSettings
    """Check the options and build the web settings."""
    from marsad.web import WebSettings

    if not 0 < args.port < 65536:
        raise MarsadError("E_USAGE", f"--port must be 1..65535, got {args.port}")
    token = args.token or os.environ.get("MARSAD_TOKEN") or None
    if args.allow_ingest and not token:
        raise MarsadError("E_USAGE", "--allow-ingest needs a token (--token T or env MARSAD_TOKEN)")
    if not args.allow_ingest and not args.db.is_file():
        raise MarsadError("E_USAGE", f"corpus not found: {args.db} (run `marsad ingest` first)")
    return WebSettings(db=args.db, allow_ingest=args.allow_ingest, token=token, max_body=args.max_body)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from marsad.web import create_app
    from marsad.web.app import configure_logging

    settings = settings_from(args)
    configure_logging()
    app = create_app(settings)
    shown = "localhost" if args.host in ("127.0.0.1", "0.0.0.0") else args.host
    print(f"Marsad: serving {settings.db} at http://{shown}:{args.port}/  (API docs: /docs; Ctrl-C to stop)",
          file=sys.stderr, flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", server_header=False)
    return 0
