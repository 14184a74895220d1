#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Resource figures of the current process.
public enum ProcessStatistics {
    /// Peak resident set size in bytes (`getrusage`).
    public static var peakResidentBytes: Int64 {
        var usage = rusage()
        #if canImport(Darwin)
            getrusage(RUSAGE_SELF, &usage)
            return Int64(usage.ru_maxrss)
        #else
            getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
            return Int64(usage.ru_maxrss) * 1024
        #endif
    }
}
