#include "nn/net_trace_format.h"

#include "sim/trace_format.h"

namespace adamlab {

const char* const kNetTraceCsvHeader = "step,train_loss,test_loss,train_accuracy,test_accuracy,lr";

std::string net_trace_csv_row(const NetRow& row) {
  std::string out = std::to_string(row.step);
  for (const auto& column : kNetTraceColumns) out += "," + format_g17(row.*column.field);
  return out;
}

}  // namespace adamlab
