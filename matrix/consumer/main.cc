// The smallest real Realm program: start the runtime, launch one task on a CPU processor,
// shut down when it has run. Exits non-zero if the task did not run.
#include <atomic>
#include <cstdio>

#include "realm/realm.h"

using namespace Realm;

enum
{
  HELLO_TASK = Processor::TASK_ID_FIRST_AVAILABLE + 0,
};

static std::atomic<int> ran{0};

static void hello_task(const void *args, size_t arglen, const void *userdata, size_t userlen, Processor p)
{
  int value = 0;
  if(arglen == sizeof(int)) value = *static_cast<const int *>(args);
  ran.store(value);
}

int main(int argc, char **argv)
{
  Runtime rt;
  if(!rt.init(&argc, &argv)) return 2;

  Processor::register_task_by_kind(Processor::LOC_PROC, false /*!global*/, HELLO_TASK, CodeDescriptor(hello_task),
                                   ProfilingRequestSet(), 0, 0)
      .wait();

  Processor p = Machine::ProcessorQuery(Machine::get_machine()).only_kind(Processor::LOC_PROC).first();
  if(!p.exists()) return 3;

  int argument = 42;
  Event done = p.spawn(HELLO_TASK, &argument, sizeof(argument));
  rt.shutdown(done);
  int code = rt.wait_for_shutdown();

  if(ran.load() != 42) {
    std::printf("consumer: the task did not run\n");
    return 4;
  }
  std::printf("consumer: task ran on a CPU processor; runtime shut down with %d\n", code);
  return code;
}
