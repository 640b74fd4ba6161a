#pragma once
// The trace formats of the CLI contract, shared with the JS API's trace(id):
// csv with header `step,x,y,loss,lr` and `%.17g` numbers; json with the same five arrays and
// non-finite numbers as null.
#include <string>
#include <vector>

#include "sim/run.h"

namespace adamlab {

extern const char* const kTraceCsvHeader;  // "step,x,y,loss,lr"
std::string trace_csv_row(const TraceRow& row);  // no trailing newline
std::string trace_csv(const std::vector<TraceRow>& rows);  // header + rows, newline-terminated
std::string trace_json(const std::vector<TraceRow>& rows);
std::string trace_json_number(double v);  // %.17g, non-finite as null
// One csv field per RFC 4180: quoted (inner quotes doubled) when it holds a comma, a quote or a
// line break, else as is. A spec ("adam:lr=0.1,beta1=0.8") is one field.
std::string csv_field(const std::string& text);
// %.17g, with every NaN spelled "nan" (glibc would print "-nan" for a negative NaN).
std::string format_g17(double value);

}  // namespace adamlab
