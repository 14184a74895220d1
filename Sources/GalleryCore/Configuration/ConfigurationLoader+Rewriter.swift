extension ConfigurationLoader {
    /// `GALLERY_REWRITER_URL`, `_MODEL`, `_TIMEOUT` and `_API_KEY` (the key is read from the
    /// environment only).
    func applyRewriterEnvironment(to settings: inout RewriterSettings) throws {
        if let value = environment["GALLERY_REWRITER_URL"], !value.isEmpty {
            guard let url = RewriterSettings.endpoint(value) else {
                throw ConfigurationError.invalidEnvironment(name: "GALLERY_REWRITER_URL", value: String(value.prefix(200)))
            }
            settings.url = url
        }
        if let value = environment["GALLERY_REWRITER_MODEL"], !value.isEmpty { settings.model = value }
        if let value = environment["GALLERY_REWRITER_TIMEOUT"] {
            guard let seconds = Double(value) else {
                throw ConfigurationError.invalidEnvironment(name: "GALLERY_REWRITER_TIMEOUT", value: value)
            }
            settings.timeout = seconds
        }
        if let key = environment["GALLERY_REWRITER_API_KEY"], !key.isEmpty { settings.apiKey = key }
    }
}
