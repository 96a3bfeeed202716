// SPDX-License-Identifier: EUPL-1.2
// Times whole processes, cold: forks and execs a command K times, waits for each, and reports the
// median, minimum and maximum wall time. Output of the command goes to /dev/null so that terminal
// speed is not measured. Used to compare `wegwijzer advies` with CLIPS loading and running a small
// rule base, both from process start to exit.
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

int main(int argc, char** argv) {
    CLI::App app{"Mediaan van de wandtijd van een heel proces, K keer gestart"};
    int runs = 100;
    int warmup = 5;
    std::vector<std::string> command;
    app.add_option("--runs", runs, "aantal metingen")->check(CLI::PositiveNumber);
    app.add_option("--warmup", warmup, "starts vooraf die niet meetellen (paginacache)")->check(CLI::NonNegativeNumber);
    app.add_option("opdracht", command, "het programma en zijn argumenten (na --)")->required();
    CLI11_PARSE(app, argc, argv);

    std::vector<char*> args;
    for (auto& a : command) args.push_back(a.data());
    args.push_back(nullptr);

    std::vector<double> times;
    for (int i = 0; i < warmup + runs; ++i) {
        auto start = std::chrono::steady_clock::now();
        pid_t pid = fork();
        if (pid < 0) {
            std::perror("fork");
            return 1;
        }
        if (pid == 0) {
            int null = open("/dev/null", O_RDWR);
            dup2(null, STDIN_FILENO);
            dup2(null, STDOUT_FILENO);
            execvp(args[0], args.data());
            _exit(127);
        }
        int status = 0;
        waitpid(pid, &status, 0);
        auto end = std::chrono::steady_clock::now();
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            std::fprintf(stderr, "cold_start: %s eindigde met status %d\n", args[0], WEXITSTATUS(status));
            return 1;
        }
        if (i >= warmup) times.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    }
    std::sort(times.begin(), times.end());
    double median = times.size() % 2 ? times[times.size() / 2]
                                     : (times[times.size() / 2 - 1] + times[times.size() / 2]) / 2;
    fmt::print("{{\"runs\": {}, \"median_ms\": {:.3f}, \"min_ms\": {:.3f}, \"max_ms\": {:.3f}}}\n", times.size(), median,
               times.front(), times.back());
}
