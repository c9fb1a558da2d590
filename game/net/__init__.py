"""Party mode's network side: no pygame here. The server runs in its own thread."""
