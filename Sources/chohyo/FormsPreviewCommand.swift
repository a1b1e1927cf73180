import ArgumentParser
import ChohyoPipeline
import Foundation

extension Forms {
    struct Preview: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw a definition's boxes, what was read and its status over a scan.",
            discussion: """
            Reads one page of SCAN as form ID and writes an overlay PNG: each field's box in \
            green (accepted), orange (review) or red (invalid), captioned with its number, key, \
            confidence, status and, when it is plain ASCII, the value. Every field is also listed \
            on standard output with its value (a My Number is masked). Use it to see at a glance \
            where a definition is off for a municipality's own variant of a form.
            """
        )
        @Argument(help: "Form id.") var id: String
        @Argument(help: "A scan (PNG, JPEG, TIFF or PDF).") var scan: String
        @Option(name: .long, help: "Overlay PNG to write.") var out: String = "overlay.png"
        @Option(name: .long, help: "Page of a multi-page file (1-based).") var page: Int = 1
        @OptionGroup var forms: FormsOption

        func run() throws {
            guard let form = try forms.loadOrExit().first(where: { $0.definition.id == id }) else {
                throw CLIError("no form definition with id '\(id)' in \(forms.forms)")
            }
            let preview = try FormPreview.run(scan: scan, pageIndex: page - 1, form: form)
            try preview.overlay().writePNG(to: out)
            let r = preview.result
            print("\(scan) page \(page): \(r.classification ?? ""); turned \(r.orientation ?? 0)°, deskewed \(r.deskewAngle ?? 0)°")
            if let note = r.attention { print("page: \(note)") }
            for f in preview.fields {
                let value = FormPreview.displayValue(f.result.value, type: f.definition.type)
                print("\(f.number)\t\(f.definition.key)\t\(f.result.status.rawValue)\t\(Int(f.result.confidence))\t\(value)\t\(f.result.reason)")
            }
            print("overlay: \(out)")
        }
    }
}
