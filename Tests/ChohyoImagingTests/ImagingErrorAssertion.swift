import ChohyoImaging
import XCTest

extension XCTestCase {
    /// The `ImagingError` thrown by `body`, or a test failure when it throws nothing or something else.
    func imagingError(_ what: String, file: StaticString = #filePath, line: UInt = #line,
                      _ body: () throws -> Void) -> ImagingError? {
        do {
            try body()
            XCTFail("\(what): expected an ImagingError, nothing was thrown", file: file, line: line)
            return nil
        } catch let e as ImagingError {
            return e
        } catch {
            XCTFail("\(what): expected an ImagingError, got \(type(of: error)): \(error)", file: file, line: line)
            return nil
        }
    }
}
