#pragma once
// The `adamlab train` table, in the trace contract's formats (sim/trace_format.h): csv with header
// `step,train_loss,test_loss,train_accuracy,test_accuracy,lr` and `%.17g` numbers (NaN spelled
// nan, so a regression's accuracies read nan); json with the same six arrays and non-finite
// numbers as null.
#include <string>

#include "nn/net_run.h"

namespace adamlab {

extern const char* const kNetTraceCsvHeader;

// The columns after "step", in order: the json array names and the row fields they hold.
struct NetTraceColumn {
  const char* name;
  double NetRow::*field;
};
constexpr NetTraceColumn kNetTraceColumns[] = {{"train_loss", &NetRow::train_loss},
                                               {"test_loss", &NetRow::test_loss},
                                               {"train_accuracy", &NetRow::train_accuracy},
                                               {"test_accuracy", &NetRow::test_accuracy},
                                               {"lr", &NetRow::lr}};

std::string net_trace_csv_row(const NetRow& row);  // no trailing newline

}  // namespace adamlab
