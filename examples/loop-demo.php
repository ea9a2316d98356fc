<?php
/*
 * A tour of Async\Loop: timers, a repeating timer, a stream watcher fed by a
 * child process, and a signal handler, all on one libevent loop.
 * Run it with: ./scripts/demo
 */
use Async\Loop;

$start = Loop::now();
$t = function () use ($start): string {
    return sprintf("[%6.1f ms]", (Loop::now() - $start) * 1000);
};

echo "async ", phpversion('async'), " on ", Loop::info()['backend'], "\n";

// A one-shot timer and a repeating one.
Loop::delay(0.25, function () use ($t) {
    echo $t(), " delay(0.25) fired\n";
});
$ticks = 0;
Loop::repeat(0.1, function (string $id) use ($t, &$ticks) {
    echo $t(), " repeat(0.1) tick ", ++$ticks, "\n";
    if ($ticks === 3) {
        Loop::cancel($id);
    }
});

// A stream watcher: a child process prints three lines, slowly.
$child = proc_open(
    [PHP_BINARY, '-r', 'foreach (["one", "two", "three"] as $w) { echo "$w\n"; usleep(80000); }'],
    [1 => ['pipe', 'w']],
    $pipes
);
$out = $pipes[1];
stream_set_blocking($out, false);
Loop::onReadable($out, function (string $id, $stream) use ($t, $child) {
    $line = fgets($stream);
    if ($line !== false) {
        echo $t(), " child said: ", trim($line), "\n";
    } elseif (feof($stream)) {
        echo $t(), " child finished\n";
        Loop::cancel($id);
        fclose($stream);
        proc_close($child);
    }
});

// A signal: the loop sends itself SIGUSR1 after 0.3 s.
if (function_exists('posix_kill')) {
    $sig = Loop::onSignal(SIGUSR1, function (string $id, int $signo) use ($t) {
        echo $t(), " caught signal $signo (SIGUSR1)\n";
        Loop::cancel($id);
    });
    Loop::delay(0.3, function () {
        posix_kill(getmypid(), SIGUSR1);
    });
}

// Deferred callbacks run first, on the next tick.
Loop::defer(function () use ($t) {
    echo $t(), " defer() ran first\n";
});

Loop::run();
echo $t(), " loop finished: nothing left to watch\n";
