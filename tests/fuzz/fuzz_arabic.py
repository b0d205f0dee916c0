"""atheris harness, target `arabic`: `python tests/fuzz/fuzz_arabic.py [libFuzzer options] [corpus]`."""

from fuzz_targets import run_atheris

if __name__ == "__main__":
    run_atheris("arabic")
