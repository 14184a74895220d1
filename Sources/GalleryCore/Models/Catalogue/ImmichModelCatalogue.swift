/// The CLIP-family models Immich's machine-learning service can run, as Immich publishes them
/// (`huggingface.co/immich-app/<name>`): each one's vector length, text family, and the figures
/// of Immich's own model comparison (docs/features/searching.md, "CLIP models": peak memory of the
/// process after the timing run, and Crossmodal-3600 recall, the mean of R@1, R@5 and R@10 of
/// English zero-shot image retrieval). Best recall first; models Immich did not measure last.
public enum ImmichModelCatalogue {
    /// One model of the catalogue.
    public struct Entry: Sendable, Equatable, Encodable {
        public var name: String
        public var dimension: Int
        public var family: ModelFamily
        /// Peak memory of Immich's benchmark process, MiB; nil where Immich did not measure it.
        public var memoryMiB: Int?
        /// English Crossmodal-3600 recall, percent; nil where Immich did not measure it.
        public var recall: Double?

        /// Whether queries in languages other than English are meant to work.
        public var isMultilingual: Bool { family.isMultilingual }
        /// Whether this project can run it.
        public var isSupported: Bool { family.isSupported }

        private enum CodingKeys: String, CodingKey {
            case name, dimension, family, memoryMiB = "memory_mib", recall, multilingual, supported
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(dimension, forKey: .dimension)
            try container.encode(family, forKey: .family)
            try container.encodeIfPresent(memoryMiB, forKey: .memoryMiB)
            try container.encodeIfPresent(recall, forKey: .recall)
            try container.encode(isMultilingual, forKey: .multilingual)
            try container.encode(isSupported, forKey: .supported)
        }
    }

    /// The whole catalogue.
    public static let entries: [Entry] = [
        Entry(name: "ViT-H-14-378-quickgelu__dfn5b", dimension: 1024, family: .openCLIP, memoryMiB: 5049, recall: 75.73),
        Entry(name: "ViT-L-16-SigLIP2-512__webli", dimension: 1024, family: .sigLIP2, memoryMiB: 3358, recall: 75.44),
        Entry(name: "ViT-B-16-SigLIP2__webli", dimension: 768, family: .sigLIP2, memoryMiB: 3038, recall: 75.19),
        Entry(name: "ViT-SO400M-16-SigLIP2-384__webli", dimension: 1152, family: .sigLIP2, memoryMiB: 3854, recall: 75.09),
        Entry(name: "ViT-SO400M-16-SigLIP2-512__webli", dimension: 1152, family: .sigLIP2, memoryMiB: 4050, recall: 75.07),
        Entry(name: "ViT-H-14-quickgelu__dfn5b", dimension: 1024, family: .openCLIP, memoryMiB: 4701, recall: 75.01),
        Entry(name: "ViT-L-16-SigLIP2-384__webli", dimension: 1024, family: .sigLIP2, memoryMiB: 3057, recall: 74.92),
        Entry(name: "ViT-gopt-16-SigLIP2-384__webli", dimension: 1536, family: .sigLIP2, memoryMiB: 6585, recall: 74.9),
        Entry(name: "ViT-SO400M-14-SigLIP2-378__webli", dimension: 1152, family: .sigLIP2, memoryMiB: 3940, recall: 74.87),
        Entry(name: "ViT-SO400M-16-SigLIP2-256__webli", dimension: 1152, family: .sigLIP2, memoryMiB: 3611, recall: 74.87),
        Entry(name: "ViT-SO400M-14-SigLIP2__webli", dimension: 1152, family: .sigLIP2, memoryMiB: 3622, recall: 74.77),
        Entry(name: "ViT-gopt-16-SigLIP2-256__webli", dimension: 1536, family: .sigLIP2, memoryMiB: 6475, recall: 74.28),
        Entry(name: "ViT-L-16-SigLIP2-256__webli", dimension: 1024, family: .sigLIP2, memoryMiB: 2830, recall: 74.26),
        Entry(name: "ViT-B-32-SigLIP2-256__webli", dimension: 768, family: .sigLIP2, memoryMiB: 3061, recall: 73.15),
        Entry(name: "ViT-L-14-quickgelu__dfn2b", dimension: 768, family: .openCLIP, memoryMiB: 2212, recall: 72.78),
        Entry(name: "ViT-SO400M-14-SigLIP-384__webli", dimension: 1152, family: .sigLIP, memoryMiB: 4417, recall: 72.58),
        Entry(name: "ViT-L-16-SigLIP-384__webli", dimension: 1024, family: .sigLIP, memoryMiB: 3396, recall: 72.57),
        Entry(name: "ViT-B-16-SigLIP-512__webli", dimension: 768, family: .sigLIP, memoryMiB: 1828, recall: 72.47),
        Entry(name: "ViT-B-16-SigLIP-384__webli", dimension: 768, family: .sigLIP, memoryMiB: 1128, recall: 72.45),
        Entry(name: "ViT-L-16-SigLIP-256__webli", dimension: 1024, family: .sigLIP, memoryMiB: 3160, recall: 72.44),
        Entry(name: "nllb-clip-large-siglip__mrl", dimension: 1152, family: .nllb, memoryMiB: 4248, recall: 72.37),
        Entry(name: "ViT-B-16-SigLIP__webli", dimension: 768, family: .sigLIP, memoryMiB: 1081, recall: 71.64),
        Entry(name: "ViT-B-16-SigLIP-256__webli", dimension: 768, family: .sigLIP, memoryMiB: 1102, recall: 71.63),
        Entry(
            name: "XLM-Roberta-Large-ViT-H-14__frozen_laion5b_s13b_b90k", dimension: 1024, family: .xlmRoberta, memoryMiB: 4014,
            recall: 71.45),
        Entry(name: "ViT-H-14__laion2b-s32b-b79k", dimension: 1024, family: .openCLIP, memoryMiB: 4676, recall: 71.33),
        Entry(name: "nllb-clip-large-siglip__v1", dimension: 1152, family: .nllb, memoryMiB: 4226, recall: 71.19),
        Entry(name: "ViT-L-14__laion2b-s32b-b82k", dimension: 768, family: .openCLIP, memoryMiB: 2233, recall: 69.86),
        Entry(name: "nllb-clip-base-siglip__mrl", dimension: 768, family: .nllb, memoryMiB: 4696, recall: 69.66),
        Entry(name: "ViT-B-16-SigLIP-i18n-256__webli", dimension: 768, family: .sigLIPMultilingual, memoryMiB: 3029, recall: 69.38),
        Entry(name: "ViT-B-32__laion2b-s34b-b79k", dimension: 512, family: .openCLIP, memoryMiB: 1001, recall: 68.78),
        Entry(name: "ViT-L-14__laion400m_e31", dimension: 768, family: .openCLIP, memoryMiB: 2183, recall: 68.53),
        Entry(name: "ViT-B-16-plus-240__laion400m_e32", dimension: 640, family: .openCLIP, memoryMiB: 1246, recall: 68.53),
        Entry(name: "ViT-B-16-plus-240__laion400m_e31", dimension: 640, family: .openCLIP, memoryMiB: 1263, recall: 68.53),
        Entry(name: "ViT-L-14__laion400m_e32", dimension: 768, family: .openCLIP, memoryMiB: 2218, recall: 68.51),
        Entry(name: "nllb-clip-base-siglip__v1", dimension: 768, family: .nllb, memoryMiB: 4675, recall: 68.41),
        Entry(name: "ViT-B-32__laion2b_e16", dimension: 512, family: .openCLIP, memoryMiB: 1004, recall: 68.41),
        Entry(name: "XLM-Roberta-Base-ViT-B-32__laion5b_s13b_b90k", dimension: 512, family: .xlmRoberta, memoryMiB: 3030, recall: 68.33),
        Entry(name: "ViT-B-16__laion400m_e31", dimension: 512, family: .openCLIP, memoryMiB: 991, recall: 66.96),
        Entry(name: "ViT-B-16__laion400m_e32", dimension: 512, family: .openCLIP, memoryMiB: 975, recall: 66.95),
        Entry(name: "ViT-B-32__laion400m_e31", dimension: 512, family: .openCLIP, memoryMiB: 999, recall: 65.65),
        Entry(name: "ViT-B-32__laion400m_e32", dimension: 512, family: .openCLIP, memoryMiB: 1003, recall: 65.49),
        Entry(name: "ViT-L-14__openai", dimension: 768, family: .openCLIP, memoryMiB: 2212, recall: 60.12),
        Entry(name: "ViT-B-32__openai", dimension: 512, family: .openCLIP, memoryMiB: 1004, recall: 59.37),
        Entry(name: "RN50x64__openai", dimension: 1024, family: .openCLIP, memoryMiB: 5079, recall: 59.36),
        Entry(name: "RN50x16__openai", dimension: 768, family: .openCLIP, memoryMiB: 2221, recall: 59.17),
        Entry(name: "ViT-L-14-336__openai", dimension: 768, family: .openCLIP, memoryMiB: 2616, recall: 59.09),
        Entry(name: "RN50__openai", dimension: 1024, family: .openCLIP, memoryMiB: 913, recall: 58.32),
        Entry(name: "ViT-B-16__openai", dimension: 512, family: .openCLIP, memoryMiB: 985, recall: 58.27),
        Entry(name: "RN50x4__openai", dimension: 640, family: .openCLIP, memoryMiB: 1416, recall: 57.88),
        Entry(name: "RN50__cc12m", dimension: 1024, family: .openCLIP, memoryMiB: 914, recall: 57.75),
        Entry(name: "RN101__openai", dimension: 512, family: .openCLIP, memoryMiB: 1111, recall: 57.7),
        Entry(name: "RN101__yfcc15m", dimension: 512, family: .openCLIP, memoryMiB: 1111, recall: 50.11),
        Entry(name: "RN50__yfcc15m", dimension: 1024, family: .openCLIP, memoryMiB: 908, recall: 48.28),
        Entry(name: "XLM-Roberta-Large-Vit-B-32", dimension: 512, family: .multilingualCLIP, memoryMiB: nil, recall: nil),
        Entry(name: "XLM-Roberta-Large-Vit-B-16Plus", dimension: 640, family: .multilingualCLIP, memoryMiB: nil, recall: nil),
        Entry(name: "LABSE-Vit-L-14", dimension: 768, family: .labse, memoryMiB: nil, recall: nil),
        Entry(name: "XLM-Roberta-Large-Vit-L-14", dimension: 768, family: .multilingualCLIP, memoryMiB: nil, recall: nil),
        Entry(name: "ViT-g-14__laion2b-s12b-b42k", dimension: 1024, family: .openCLIP, memoryMiB: nil, recall: nil),
    ]

    /// The entry named `name`, if the catalogue has it.
    public static func entry(named name: String) -> Entry? {
        entries.first { $0.name == name }
    }
}
