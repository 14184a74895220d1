/// A dense tensor passed to or returned by ``OnnxSession/run(_:outputNames:)``, row-major.
///
/// ```swift
/// let x = Tensor(float32: [1, 2, 3, 4, 5, 6, 7, 8], shape: [2, 4])
/// ```
public struct Tensor: Sendable, Equatable {
    /// The elements, with their type.
    public enum Storage: Sendable, Equatable {
        case float32([Float])
        case int64([Int64])
        case int32([Int32])
    }

    /// One entry per dimension; the product of the entries is the element count.
    public var shape: [Int]
    public var storage: Storage

    public init(float32 values: [Float], shape: [Int]) {
        self.shape = shape
        storage = .float32(values)
    }

    public init(int64 values: [Int64], shape: [Int]) {
        self.shape = shape
        storage = .int64(values)
    }

    public init(int32 values: [Int32], shape: [Int]) {
        self.shape = shape
        storage = .int32(values)
    }

    /// The elements when the tensor holds float32 values, else nil.
    public var floats: [Float]? {
        if case .float32(let values) = storage { values } else { nil }
    }

    /// The elements when the tensor holds int64 values, else nil.
    public var int64s: [Int64]? {
        if case .int64(let values) = storage { values } else { nil }
    }

    /// The elements when the tensor holds int32 values, else nil.
    public var int32s: [Int32]? {
        if case .int32(let values) = storage { values } else { nil }
    }

    /// The element type of ``storage``.
    public var elementType: TensorElementType {
        switch storage {
        case .float32: .float32
        case .int64: .int64
        case .int32: .int32
        }
    }

    /// How many elements ``storage`` holds.
    public var count: Int {
        switch storage {
        case .float32(let values): values.count
        case .int64(let values): values.count
        case .int32(let values): values.count
        }
    }
}
