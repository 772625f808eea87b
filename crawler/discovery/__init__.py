"""Pure parsers for discovery documents (sitemaps, RSS/Atom feeds): bytes in, entries out."""
