"""Client commands of the ``engram`` CLI that talk to a running server (``engram import``)."""
