"""atheris harness, target `analyze`: `python tests/fuzz/fuzz_analyze.py [libFuzzer options] [corpus]`."""

from fuzz_targets import run_atheris

if __name__ == "__main__":
    run_atheris("analyze")
