<?php
/*
 * A small pure-PHP event loop on stream_select(), the baseline for bench/loop.
 * Same surface and callback signatures as Async\Loop (string ids, callback($id)
 * or callback($id, $stream)), kept lean so the comparison is fair: a defer
 * queue swapped per tick, a binary heap of timers with lazy cancellation, and
 * one stream_select() per tick over the readable/writable streams.
 */
declare(strict_types=1);

namespace AsyncBench;

final class PhpLoop
{
    private static int $lastId = 0;
    private static bool $stopped = false;

    /** @var array<string, \Closure> deferred callbacks for the next tick */
    private static array $defers = [];
    /** @var array<string, \Closure> the batch this tick runs (cancel removes from it) */
    private static array $running = [];

    /** @var array<string, array{float, \Closure, float}> live timers: id => [due, callback, interval (0: once)] */
    private static array $timers = [];
    private static ?\SplMinHeap $heap = null;   // [due, seq, id]; stale entries skipped on pop

    /** @var array<string, resource> */
    private static array $readStreams = [];
    /** @var array<string, \Closure> */
    private static array $readCallbacks = [];
    /** @var array<string, resource> */
    private static array $writeStreams = [];
    /** @var array<string, \Closure> */
    private static array $writeCallbacks = [];

    public static function now(): float
    {
        return \hrtime(true) * 1e-9;
    }

    public static function defer(\Closure $callback): string
    {
        $id = (string) ++self::$lastId;
        self::$defers[$id] = $callback;
        return $id;
    }

    public static function delay(float $seconds, \Closure $callback): string
    {
        return self::timer($seconds, $callback, 0.0);
    }

    public static function repeat(float $interval, \Closure $callback): string
    {
        return self::timer($interval, $callback, $interval > 0 ? $interval : 1e-9);
    }

    private static function timer(float $seconds, \Closure $callback, float $interval): string
    {
        $seq = ++self::$lastId;
        $id = (string) $seq;
        $due = \hrtime(true) * 1e-9 + $seconds;
        self::$timers[$id] = [$due, $callback, $interval];
        (self::$heap ??= new \SplMinHeap())->insert([$due, $seq, $id]);
        return $id;
    }

    /** @param resource $stream */
    public static function onReadable($stream, \Closure $callback): string
    {
        $id = (string) ++self::$lastId;
        self::$readStreams[$id] = $stream;
        self::$readCallbacks[$id] = $callback;
        return $id;
    }

    /** @param resource $stream */
    public static function onWritable($stream, \Closure $callback): string
    {
        $id = (string) ++self::$lastId;
        self::$writeStreams[$id] = $stream;
        self::$writeCallbacks[$id] = $callback;
        return $id;
    }

    public static function cancel(string $id): void
    {
        unset(
            self::$defers[$id], self::$running[$id], self::$timers[$id],
            self::$readStreams[$id], self::$readCallbacks[$id],
            self::$writeStreams[$id], self::$writeCallbacks[$id],
        );
    }

    public static function stop(): void
    {
        self::$stopped = true;
    }

    public static function run(): void
    {
        self::$stopped = false;
        $heap = self::$heap ??= new \SplMinHeap();

        while (!self::$stopped) {
            // 1. Callbacks deferred before this tick; new ones wait for the next.
            if (self::$defers) {
                self::$running = self::$defers;
                self::$defers = [];
                foreach (self::$running as $id => $callback) {
                    if (!isset(self::$running[$id])) {
                        continue; // cancelled by an earlier callback of this batch
                    }
                    unset(self::$running[$id]);
                    $callback($id);
                    if (self::$stopped) {
                        // Keep the rest for a later run().
                        self::$defers = self::$running + self::$defers;
                        self::$running = [];
                        return;
                    }
                }
            }

            $haveStreams = self::$readStreams || self::$writeStreams;
            if (!self::$defers && !self::$timers && !$haveStreams) {
                break; // nothing left
            }

            // 2. How long may we block: not at all with defers queued, else
            //    until the next live timer, else until a stream is ready.
            $timeout = null;
            if (self::$defers) {
                $timeout = 0.0;
            } elseif (self::$timers) {
                while (!$heap->isEmpty()) {
                    [$due, , $id] = $heap->top();
                    if (isset(self::$timers[$id]) && self::$timers[$id][0] === $due) {
                        $timeout = \max(0.0, $due - \hrtime(true) * 1e-9);
                        break;
                    }
                    $heap->extract(); // cancelled or rescheduled
                }
            }

            // 3. Poll.
            if ($haveStreams) {
                $read = self::$readStreams ?: null;
                $write = self::$writeStreams ?: null;
                $except = null;
                if ($timeout === null) {
                    $n = @\stream_select($read, $write, $except, null);
                } else {
                    $sec = (int) $timeout;
                    $n = @\stream_select($read, $write, $except, $sec, (int) (($timeout - $sec) * 1e6));
                }
                if ($n) {
                    if ($read) {
                        foreach ($read as $id => $stream) {
                            if (isset(self::$readCallbacks[$id])) {
                                (self::$readCallbacks[$id])($id, $stream);
                            }
                        }
                    }
                    if ($write) {
                        foreach ($write as $id => $stream) {
                            if (isset(self::$writeCallbacks[$id])) {
                                (self::$writeCallbacks[$id])($id, $stream);
                            }
                        }
                    }
                }
            } elseif ($timeout > 0) {
                \usleep((int) ($timeout * 1e6));
            }

            // 4. Timers due by now (ones scheduled while firing wait for the next tick).
            if (self::$timers) {
                $now = \hrtime(true) * 1e-9;
                while (!$heap->isEmpty()) {
                    [$due, , $id] = $heap->top();
                    if ($due > $now) {
                        break;
                    }
                    $heap->extract();
                    $timer = self::$timers[$id] ?? null;
                    if ($timer === null || $timer[0] !== $due) {
                        continue; // stale
                    }
                    if ($timer[2] > 0) {
                        $next = $due + $timer[2];
                        if ($next <= $now) {
                            $next = $now + $timer[2]; // late: skip missed runs, never fire twice per tick
                        }
                        self::$timers[$id][0] = $next;
                        $heap->insert([$next, (int) $id, $id]);
                    } else {
                        unset(self::$timers[$id]);
                    }
                    ($timer[1])($id);
                    if (self::$stopped) {
                        return;
                    }
                }
            }
        }
    }
}
