"""PDF: LibreOffice (cold batches and the warm server) and the packet (merge, bookmarks, stamps,
page numbers). Knows nothing of meetings; may import only errors."""
