import ArgumentParser

@main
struct Chohyo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chohyo",
        abstract: "Chohyo (帳票): read scanned paper forms into checked rows for RPA and core systems.",
        discussion: """
        Typical use, on a folder of scanned 給与支払報告書:

          chohyo batch scans/ --out results/

        writes results/results.jsonl (every page, every field, with confidence and the \
        reason it was accepted or sent to a person), one CSV per form for the RPA robot, \
        and summary.json. Fields Chohyo is unsure of are marked "review", fields that fail \
        their checks "invalid": nothing doubtful is passed on as accepted.

        Form definitions live in FormDefinitions/ (see docs/form-definitions.md):
          chohyo forms list
          chohyo forms check
          chohyo forms show ID --json

        Accuracy on scans with known answers:
          chohyo eval --truth Samples/kyuyo results/results.jsonl

        Read rate per form and field, and the staff hours it saves:
          chohyo report results/results.jsonl --pages-per-year 18000
        """,
        subcommands: [Batch.self, Forms.self, Eval.self, Report.self, Bench.self]
    )

    static func main() {
        OpenMPThreads.restartWithOneThreadIfNeeded()
        main(nil)
    }
}
