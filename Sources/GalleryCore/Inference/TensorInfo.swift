/// A model input's or output's name, element type and shape, as the model declares them.
public struct TensorInfo: Sendable, Equatable {
    public var name: String
    public var elementType: TensorElementType
    /// One entry per dimension; -1 marks a dynamic dimension (e.g. the batch size).
    public var shape: [Int]

    public init(name: String, elementType: TensorElementType, shape: [Int]) {
        self.name = name
        self.elementType = elementType
        self.shape = shape
    }
}
