"""The bundled offline sample site: invented SCMP-style articles, a republisher blog, their
sitemaps and feeds, rendered for any base URL and served on 127.0.0.1 for the demo and the tests."""
