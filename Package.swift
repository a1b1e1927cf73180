// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Chohyo",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "chohyo", targets: ["chohyo"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // C module map over Tesseract's C API and Leptonica.
        .systemLibrary(
            name: "CLeptTess",
            pkgConfig: "tesseract lept",
            providers: [.apt(["libtesseract-dev", "libleptonica-dev"])]
        ),
        // C modules for PDF input: poppler's GLib API (with cairo) decodes and renders pages;
        // qpdf's C API reads page rotation and image sizes before anything is decoded.
        .systemLibrary(
            name: "CPoppler",
            pkgConfig: "poppler-glib libqpdf",
            providers: [.apt(["libpoppler-glib-dev", "libqpdf-dev"])]
        ),
        // Pure Swift: form definitions, field types, validation, routing, export, evaluation.
        .target(
            name: "ChohyoCore",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // Pure Swift: results.jsonl, CSV (CP932 / UTF-8 BOM), summary, evaluation against ground truth.
        .target(name: "ChohyoExport", dependencies: ["ChohyoCore"]),
        // Leptonica wrappers: loading (PDF through poppler), orientation, deskew, dropout, registration, cutting.
        .target(name: "ChohyoImaging", dependencies: ["CLeptTess", "CPoppler", "ChohyoCore"]),
        // Tesseract wrapper: reads self-contained field fragments.
        .target(name: "ChohyoRecognition", dependencies: ["CLeptTess", "ChohyoImaging", "ChohyoCore"]),
        // The named stages wired into a batch.
        .target(name: "ChohyoPipeline", dependencies: ["ChohyoCore", "ChohyoExport", "ChohyoImaging", "ChohyoRecognition",
                                                 .product(name: "Yams", package: "Yams")]),
        .executableTarget(
            name: "chohyo",
            dependencies: [
                "ChohyoPipeline", "ChohyoCore", "ChohyoExport", "ChohyoImaging",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers shared by the test targets (Leptonica-written PDFs); not part of the product.
        .target(name: "ChohyoTestSupport", dependencies: ["CLeptTess", "ChohyoImaging"], path: "Tests/ChohyoTestSupport"),
        .testTarget(name: "ChohyoCoreTests", dependencies: ["ChohyoCore"]),
        .testTarget(name: "ChohyoExportTests", dependencies: ["ChohyoExport", "ChohyoCore"]),
        .testTarget(name: "ChohyoImagingTests", dependencies: ["ChohyoImaging", "ChohyoCore", "CLeptTess", "ChohyoTestSupport"]),
        .testTarget(name: "ChohyoPipelineTests",
                    dependencies: ["ChohyoPipeline", "ChohyoCore", "ChohyoExport", "ChohyoImaging", "CLeptTess", "ChohyoTestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
