import Foundation
import GalleryCore
import Testing

@Suite("CLIP model (Immich layout) against Python onnxruntime")
struct ClipModelTests {
    @Test("identity, dimension and preprocessing come from the folder")
    func description() throws {
        let model = try ClipTestFiles.model()
        #expect(model.identifier == "clip/tiny-clip")
        #expect(model.dimension == 32)
        #expect(model.preprocessing.size == 224)
        #expect(model.preprocessing.resizeMode == .shortest)
        #expect(model.preprocessing.cropFraction == 1)
        #expect(model.preprocessing.interpolation == .bicubic)
        #expect(model.preprocessing.mean == [0.48145466, 0.4578275, 0.40821073])
        #expect(model.preprocessing.std == [0.26862954, 0.26130258, 0.27577711])
    }

    @Test("text embeddings match the golden file within 1e-4")
    func textEmbeddings() throws {
        let golden = try ClipTestFiles.golden()
        let model = try ClipTestFiles.model()
        #expect(!golden.texts.isEmpty)
        for item in golden.texts {
            #expect(model.folder.tokenizer.encode(item.text) == item.ids, "\(item.text.debugDescription)")
            let vector = try model.embedText(item.text)
            let difference = ClipTestFiles.maxDifference(vector, item.embedding)
            #expect(difference < 1e-4, "\(item.text.debugDescription): max difference \(difference)")
        }
    }

    @Test("image embeddings match the golden file within 1e-4, one by one and batched")
    func imageEmbeddings() throws {
        let golden = try ClipTestFiles.golden()
        let model = try ClipTestFiles.model()
        #expect(golden.images.count == 3)
        var images: [PreparedImage] = []
        for item in golden.images {
            let pixels = try ClipTestFiles.tensor(item.tensor)
            #expect(pixels.count == item.shape.reduce(1, *))
            images.append(PreparedImage(pixels: pixels, size: model.preprocessing.size))
        }
        let single = try images.flatMap { try model.embedImages([$0]) }
        let batched = try model.embedImages(images)
        for (index, item) in golden.images.enumerated() {
            for embedding in [single[index], batched[index]] {
                let difference = ClipTestFiles.maxDifference(embedding.vector, item.embedding)
                #expect(difference < 1e-4, "\(item.image): max difference \(difference)")
                #expect(embedding.visual == embedding.vector)
                #expect(embedding.tags.isEmpty)
            }
        }
    }

    @Test("an image of the wrong size is refused")
    func wrongImageSize() throws {
        let model = try ClipTestFiles.model()
        #expect(throws: ClipModelError.imageSizeMismatch(expected: 224, got: 64)) {
            try model.embedImages([PreparedImage(pixels: [Float](repeating: 0, count: 3 * 64 * 64), size: 64)])
        }
    }
}
