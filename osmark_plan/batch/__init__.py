"""Batch checks: many floors in parallel, building rules across floors, and a summary.

``discover`` finds the drawings and manifests, ``worker`` checks one floor, ``run`` spreads the
floors over worker processes (or a Dask cluster), ``summary`` writes summary.json/.csv and
index.html. The ``osmark batch`` command (``osmark_plan.cli_batch``) ties them together.
"""
