"""Views of stored records: Markdown, JSON, CSV, GeoJSON."""
