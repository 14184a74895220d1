extension ImagingError {
    /// The catalogue's reason for this decoding failure.
    var reason: FailureReason {
        switch self {
        case .empty: .empty
        case .unsupportedFormat: .unsupported
        case .tooManyPixels, .fileTooLarge: .tooLarge
        case .truncated: .truncated
        case .corrupt: .corrupt
        }
    }
}

extension FileReadError {
    /// The catalogue's reason for this read failure.
    var reason: FailureReason {
        switch self {
        case .vanished: .vanished
        case .unreadable, .interrupted: .unreadable
        case .tooLarge: .tooLarge
        }
    }

    /// A message for the user.
    var message: String {
        switch self {
        case .vanished: "the file disappeared before it could be read"
        case .unreadable(let detail): "cannot read the file: \(detail)"
        case .tooLarge(let bytes, let limit): "file is \(bytes) bytes, above the limit of \(limit) bytes"
        case .interrupted(let detail): "the download broke off (retried on the next run): \(detail)"
        }
    }
}
