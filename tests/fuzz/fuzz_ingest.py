"""atheris harness, target `ingest`: `python tests/fuzz/fuzz_ingest.py [libFuzzer options] [corpus]`."""

from fuzz_targets import run_atheris

if __name__ == "__main__":
    run_atheris("ingest")
