// Pango's font-matching threads run on the calling thread (text/fonts.cc), and GLib starts every other thread.
#include <dlfcn.h>
#include <doctest/doctest.h>
#include <glib.h>

#include <string>
#include <thread>

#include "shell.h"

namespace {

gpointer RecordThread(gpointer data) {
  *static_cast<std::thread::id*>(data) = std::this_thread::get_id();
  return nullptr;
}

}  // namespace

TEST_CASE("pango threads: font matching runs on the calling thread, other threads start as before") {
  for (const char* name : {"[pango] FcFontSetMatch", "[pango] FcFontSetSort"}) {
    INFO(name);
    std::thread::id ran_on;
    GThread* thread = g_thread_new(name, RecordThread, &ran_on);
    CHECK(ran_on == std::this_thread::get_id());  // done by the time g_thread_new returns
    g_thread_unref(thread);
  }
  std::thread::id ran_on;
  GThread* other = g_thread_new("[pango] FcInit", RecordThread, &ran_on);
  g_thread_join(other);
  CHECK(ran_on != std::thread::id());
  CHECK(ran_on != std::this_thread::get_id());
}

TEST_CASE("pango threads: the libraries' calls reach this definition, in the tests and in the binary") {
  // What a shared library's call to g_thread_new finds: the executable's own definition, exported, before GLib's.
  CHECK(dlsym(RTLD_DEFAULT, "g_thread_new") == reinterpret_cast<void*>(&g_thread_new));
  barometer::testing::Run symbols = barometer::testing::Shell("nm -D --defined-only " + std::string(BAROMETER_BINARY));
  REQUIRE(symbols.status == 0);
  CHECK(symbols.out.find(" T g_thread_new\n") != std::string::npos);
}
