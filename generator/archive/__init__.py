"""Everything that writes: build/ through one writer, the write-once archive (justerat/, utskick/),
justering, rättelse and signatures, status. May import documents, sources, pdf, rules, model."""
