"""Print the CLI reference (docs/cli.md): ``python -m workbench.cli_reference > docs/cli.md``.

Why a module of its own at the top, beside ``cli.py``: the reference needs the root
group, and ``commands.reference`` (which renders any group it is handed) sits below
``cli.py``; no command imports ``cli`` (layersb40).
"""

from __future__ import annotations

import sys

from workbench.cli import main
from workbench.commands.reference import render

if __name__ == "__main__":
    sys.stdout.write(render(main))
