"""What the command line does before anything imports pydantic: no plugin discovery.

pydantic looks for plugins (``pydantic`` entry points) the first time a model class is built:
``pydantic.plugin._loader`` imports ``importlib.metadata`` (and with it ``email``, ``zipfile``...)
and scans every installed distribution's metadata. coopcheck's command line uses no pydantic
plugin; the scan and the imports were ~16 ms of every cold ``coopcheck check`` (issue 16).

pydantic's own switch, ``PYDANTIC_DISABLE_PLUGINS=__all__``, skips the scan but not the import
(the loader imports ``importlib.metadata`` at its top). So when the user has not set that
variable, the command line registers a loader that finds no plugin — exactly what ``__all__``
means. A user who sets ``PYDANTIC_DISABLE_PLUGINS`` (to anything) gets pydantic's own loader.
Library callers (``import coopcheck.check``) are not affected: only ``coopcheck.cli`` calls this.
"""

from __future__ import annotations

import os
import sys
import types
from collections.abc import Iterable
from typing import Any

LOADER = "pydantic.plugin._loader"


def _no_plugins() -> Iterable[Any]:
    return ()


def no_pydantic_plugin_discovery() -> bool:
    """Register the empty loader; False when the user chose otherwise or pydantic already looked."""
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") is not None or LOADER in sys.modules:
        return False
    stub = types.ModuleType(LOADER, "coopcheck: no pydantic plugin discovery in the command line")
    stub.get_plugins = _no_plugins  # type: ignore[attr-defined]
    sys.modules[LOADER] = stub
    return True
