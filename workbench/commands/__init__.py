"""CLI command modules, one per area; ``workbench.cli`` registers them."""
