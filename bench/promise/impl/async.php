<?php
/* async (this extension): Async\Deferred / Async\Promise on Async\Loop. */
declare(strict_types=1);
require __DIR__ . '/../lib.php';

use Async\Deferred;
use Async\Loop;
use Async\Promise;

if (!extension_loaded('async')) {
    fwrite(STDERR, "the async extension is not loaded\n");
    exit(2);
}

/* N x: a deferred, 3 then() on it, resolve; then the loop runs every reaction. */
function bench_chain(int $n): int
{
    $sum = 0;
    $inc = static fn ($v) => $v + 1;
    $acc = static function ($v) use (&$sum) { $sum += $v; return $v; };
    for ($i = 0; $i < $n; $i++) {
        $d = new Deferred();
        $d->promise()->then($inc)->then($inc)->then($acc);
        $d->resolve($i);
    }
    Loop::run();
    return $sum;
}

/* The same N chains, but the loop runs after every CHAIN_BATCH of them. */
function bench_chain_batch(int $n): int
{
    $sum = 0;
    $inc = static fn ($v) => $v + 1;
    $acc = static function ($v) use (&$sum) { $sum += $v; return $v; };
    for ($i = 0; $i < $n;) {
        for ($end = min($n, $i + CHAIN_BATCH); $i < $end; $i++) {
            $d = new Deferred();
            $d->promise()->then($inc)->then($inc)->then($acc);
            $d->resolve($i);
        }
        Loop::run();
    }
    return $sum;
}

/* One fiber awaits N promises in turn, each resolved by a Loop::defer() callback. */
function bench_await(int $n): int
{
    return \Async\await(\Async\async(static function () use ($n): int {
        $sum = 0;
        for ($i = 0; $i < $n; $i++) {
            $d = new Deferred();
            Loop::defer(static function () use ($d, $i) { $d->resolve($i); });
            $sum += \Async\await($d->promise());
        }
        return $sum;
    }));
}

/* R x: Promise::all() over W pending promises that a Loop::defer() callback resolves. */
function bench_all(int $rounds, int $width): int
{
    $sum = 0;
    for ($r = 0; $r < $rounds; $r++) {
        $ds = $ps = [];
        for ($j = 0; $j < $width; $j++) {
            $ds[] = $d = new Deferred();
            $ps[] = $d->promise();
        }
        $all = Promise::all($ps);
        Loop::defer(static function () use ($ds) {
            foreach ($ds as $j => $d) {
                $d->resolve($j);
            }
        });
        $sum += array_sum(\Async\await($all));
    }
    return $sum;
}

bench_run('async', $argv);
