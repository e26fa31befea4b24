"""``python -m botox_chart``: the same as the ``botox-chart`` command."""

from __future__ import annotations

import sys

from botox_chart.cli import main

if __name__ == "__main__":
    sys.exit(main())
