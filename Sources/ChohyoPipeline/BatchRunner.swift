import ChohyoCore
import ChohyoExport
import ChohyoImaging
import ChohyoRecognition
import Foundation

/// The batch: a folder of scans in, validated rows out. Pages flow one way
/// through named stages (InputScanner → PageStage → shuffle → recognition →
/// JudgeStage → export), a chunk of pages at a time so memory stays flat however
/// long the batch. Each page's record is written to results.jsonl as soon as it
/// is complete, so nothing already done is lost if the run stops.
public final class BatchRunner {
    public let options: BatchOptions
    public let forms: [LoadedDefinition]
    let matcher: FormMatcher
    let readers: WorkerPool<FragmentReader>
    /// Whether a page judged too faint is read once more with its strokes grown further
    /// (`process`); off only to see the first reading in tests.
    var readsFaintPagesAgain = true

    public init(options: BatchOptions, forms: [LoadedDefinition]) throws {
        // OMP_THREAD_LIMIT=1 must be in the environment when the process starts: libgomp reads
        // it when it is loaded (the chohyo command sees to it, `OpenMPThreads`).
        self.options = options
        self.forms = forms
        var templates: [TemplateModel] = []
        for f in forms {
            do { templates.append(try TemplateModel(definition: f.definition, templateURL: f.templateURL)) }
            catch { throw BatchError.definition("\(DefinitionProblem.displayPath(f.templateURL)): template of \(f.definition.id): \(error)") }
        }
        matcher = FormMatcher(templates: templates, minScore: options.minMatchScore)
        // Every language any field reads with (first or verifying reading): one engine each per worker.
        let langs = Array(Set(forms.flatMap { f in f.definition.fields.filter { $0.type != .checkbox }.flatMap { field -> [String] in
            let r = TypeDefaults.recognition(for: field)
            return [r.lang ?? "jpn"] + (r.verifyLang.map { $0 == "none" ? [] : [$0] } ?? [])
        } })).sorted()
        var states: [FragmentReader] = []
        for _ in 0..<max(1, options.workers) {
            states.append(try FragmentReader(preload: langs.isEmpty ? ["jpn"] : langs, dataPath: options.tessdata))
        }
        readers = WorkerPool(states: states)
    }

    /// Runs the batch. `progress` is called on the calling thread after each chunk.
    public func run(progress: ((BatchProgress) -> Void)? = nil) throws -> BatchSummary {
        let start = Date()
        let out = options.outputDirectory
        if let problem = FileProblem.prepareFolder(out) {
            throw BatchError.output("cannot use \(out.path) as the output folder: \(problem)")
        }
        // A new batch starts a new results file (the writer itself only ever appends).
        let resultsURL = out.appendingPathComponent("results.jsonl")
        try? FileManager.default.removeItem(at: resultsURL)
        let writer = try ResultsWriter(url: resultsURL)
        var all: [PageResult] = []
        let items = InputScanner.scan(options.inputs)
        var chunk: [PageTask] = []
        var known = 0, filesDone = 0

        func emit(_ results: [PageResult]) throws {
            for r in results { try writer.append(r) }
            all.append(contentsOf: results)
            progress?(BatchProgress(pagesDone: all.count, pagesKnown: known, filesDone: filesDone,
                                    filesTotal: items.count, elapsed: Date().timeIntervalSince(start),
                                    newErrors: results.filter { $0.status == .error }
                                        .map { "\($0.source) page \($0.page): \($0.error ?? "unknown error")" }))
        }
        func flush() throws {
            guard !chunk.isEmpty else { return }
            let results = process(chunk)
            chunk.removeAll(keepingCapacity: true)
            try emit(results)
        }

        for item in items {
            if let problem = item.problem {
                known += 1; filesDone += 1
                try flush()
                try emit([PageResult(source: item.path, page: 1, status: .error, error: problem)])
                continue
            }
            let source: ImageSource
            do { source = try ImageSource(path: item.path, limits: options.limits) } catch {
                known += 1; filesDone += 1
                try flush()
                try emit([PageResult(source: item.path, page: 1, status: .error, error: "\(error)")])
                continue
            }
            known += source.pageCount
            filesDone += 1
            for p in 0..<source.pageCount {
                chunk.append(PageTask(source: source, displayPath: item.path, pageIndex: p))
                if chunk.count >= options.chunkPages { try flush() }
            }
            // Pages the file promises but that cannot be reached are errors, not silence.
            var missing: String? = nil
            if source.pagesOverLimit { missing = "\(ImagingError.tooManyPages(limit: options.limits.maxPages))" }
            else if let problem = source.chainProblem { missing = "image data is corrupt or truncated (\(problem))" }
            if let missing {
                try flush()
                known += 1
                try emit([PageResult(source: item.path, page: source.pageCount + 1, status: .error, error: missing)])
            }
        }
        try flush()
        try writer.close()

        let csv = CSVWriter(encoding: options.encoding, unmappablePolicy: options.unmappable)
        // Every form gets its CSV, header only when no page matched it, so a file left by an
        // earlier run in the same folder can never be mistaken for this batch's rows.
        let exports = try csv.writeAll(forms: forms.map(\.definition), results: all, to: out, includeEmpty: true)
        var summary = BatchSummary.make(results: all, elapsedSeconds: Date().timeIntervalSince(start),
                                        unmappable: exports.flatMap(\.unmappable))
        summary.run = .init(workers: options.workers, ompThreadLimit: ProcessInfo.processInfo.environment["OMP_THREAD_LIMIT"])
        try summary.write(to: out.appendingPathComponent("summary.json"))
        return summary
    }

    /// One chunk of pages: prepared in parallel, fragments shuffled across all the
    /// chunk's pages, read in parallel by the workers, re-assembled and judged. A page judged
    /// too faint to read (`PageLegibility`) whose strokes were grown is then cut and read once
    /// more, as matched the first time, with them grown further
    /// (`FieldCutter.faintPageStrokeGrowth`), and that reading is its result.
    func process(_ tasks: [PageTask]) -> [PageResult] {
        let pages = readers.map(tasks) { _, task in PageStage.run(task, forms: forms, matcher: matcher) }
        var results = readAndJudge(pages)
        let faint = !readsFaintPagesAgain ? [] : pages.indices.filter {
            pages[$0].grown && results[$0].status == .ok && results[$0].attention != nil
        }
        guard !faint.isEmpty else { return results }
        let again = readers.map(faint) { _, slot in
            PageStage.run(tasks[slot], forms: forms, matcher: matcher, growth: FieldCutter.faintPageStrokeGrowth, matched: pages[slot])
        }
        for (slot, result) in zip(faint, readAndJudge(again)) where result.status == .ok {
            results[slot] = result
        }
        return results
    }

    /// The pages' fragments shuffled across all of them, read in parallel by the workers,
    /// re-assembled and judged.
    func readAndJudge(_ pages: [PageStage.Output]) -> [PageResult] {
        var links = FragmentLinks()
        var fragments: [FieldFragment] = []
        for (slot, page) in pages.enumerated() {
            for (key, fragment) in page.fragments {
                links.add(fragment.id, pageSlot: slot, key: key)
                fragments.append(fragment)
            }
        }
        fragments.shuffle()
        let readings = readers.map(fragments) { reader, fragment -> Result<FragmentReading, Error> in
            Result { try reader.read(fragment) }
        }
        var perPage = [[String: FragmentReading]](repeating: [:], count: pages.count)
        var failures = [String?](repeating: nil, count: pages.count)
        for (fragment, reading) in zip(fragments, readings) {
            guard let link = links.link(for: fragment.id) else { continue }
            switch reading {
            case .success(let r): perPage[link.pageSlot][link.key] = r
            case .failure(let e): failures[link.pageSlot] = "recognition failed: \(e)"
            }
        }
        return pages.enumerated().map { slot, page in
            var result = page.result
            if let fi = page.formIndex {
                if let failure = failures[slot] { result.status = .error; result.error = failure; return result }
                JudgeStage.judgePage(&result, form: forms[fi], readings: perPage[slot], matchedBy: page.matchedBy)
            }
            return result
        }
    }
}

public enum BatchError: Error, CustomStringConvertible {
    case definition(String)
    /// A scan named on the command line that cannot be read or does not hold the page asked for.
    case input(String)
    case output(String)
    public var description: String {
        switch self { case .definition(let m), .input(let m), .output(let m): return m }
    }
}
