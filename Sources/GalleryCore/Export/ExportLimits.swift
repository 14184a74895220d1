/// Bounds on downloads and exports.
public enum ExportLimits {
    /// Photos in one zip download.
    public static let maxZipEntries = 20_000
    /// Bytes of originals in one zip download (64 GiB).
    public static let maxZipBytes: Int64 = 64 << 30
    /// Results one `search --export`, `--copy-to` or `--link-to` writes.
    public static let maxExportResults = 100_000
}
