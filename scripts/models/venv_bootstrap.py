"""Re-runs a script inside the test-model venv (.cache/venv-testmodels) when a PyPI module it needs
is missing, installing the pinned package there first. Shared by the small test-data scripts."""
import os
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
VENV = os.path.join(ROOT, ".cache", "venv-testmodels")


def ensure(module, pin, script):
    """Returns when `module` imports; otherwise installs `pin` into the venv and re-executes `script` there."""
    try:
        __import__(module)
        return
    except ImportError:
        pass
    python = os.path.join(VENV, "bin", "python")
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
        sys.exit(f"{pin} is not importable in {VENV}")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    subprocess.run([python, "-m", "pip", "install", "-q", pin], check=True, stdout=sys.stderr)
    os.execv(python, [python, os.path.abspath(script)] + sys.argv[1:])
