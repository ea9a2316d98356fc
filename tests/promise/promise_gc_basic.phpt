--TEST--
Async\Promise: reference cycles through reactions are collected by gc_collect_cycles()
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
use Async\Deferred;
use Async\Loop;
use Async\Promise;

class Flag {
    public static $freed = [];
    private $name;
    public function __construct(string $name) { $this->name = $name; }
    public function __destruct() { self::$freed[] = $this->name; }
}

function check(string $what) {
    $before = count(Flag::$freed);
    // PHP 7.4 frees garbage with destructors one run after calling them.
    $collected = gc_collect_cycles() + gc_collect_cycles();
    echo "$what: freed by refcount alone: ", var_export($before > 0, true),
        ", collected: ", var_export($collected > 0, true),
        ", flag freed: ", var_export(in_array($what, Flag::$freed, true), true), "\n";
    Flag::$freed = [];
}
gc_collect_cycles();

// A closure capturing its own promise.
$d = new Deferred();
$p = $d->promise();
$flag = new Flag("closure captures its promise");
$p->then(function () use ($p, $flag) {});
unset($p, $flag, $d);
check("closure captures its promise");

// The same through catch() and finally().
$p = (new Deferred())->promise();
$flag = new Flag("catch and finally capture their promise");
$p->catch(function () use ($p, $flag) {});
$p->finally(function () use ($p) {});
unset($p, $flag);
check("catch and finally capture their promise");

// A promise stored in an array its own then-callback captured.
$box = ['flag' => new Flag("promise in a captured array")];
$p = (new Deferred())->promise();
$derived = $p->then(function () use (&$box) {});
$box['promise'] = $p;
$box['derived'] = $derived;
unset($p, $derived, $box);
check("promise in a captured array");

// The Deferred captured by a reaction of its own promise.
$d = new Deferred();
$flag = new Flag("deferred captured by its reaction");
$d->promise()->then(function () use ($d, $flag) {});
unset($d, $flag);
check("deferred captured by its reaction");

// A cycle through derived promises: the source is reachable from a handler
// two links down the chain.
$p = (new Deferred())->promise();
$o = new stdClass();
$o->flag = new Flag("cycle through derived promises");
$o->source = $p;
$p->then()->then(function () use ($o) {});
unset($p, $o);
check("cycle through derived promises");

// A combinator holding a partial result that references a pending input.
$o = new stdClass();
$o->flag = new Flag("combinator with a partial result");
$o->input = (new Deferred())->promise();
$all = Promise::all([$o, $o->input]);
Loop::run(); // $o is now among all()'s partial results
unset($o, $all);
check("combinator with a partial result");

// Nothing left for the loop to do.
Loop::run();
echo "done\n";
?>
--EXPECT--
closure captures its promise: freed by refcount alone: false, collected: true, flag freed: true
catch and finally capture their promise: freed by refcount alone: false, collected: true, flag freed: true
promise in a captured array: freed by refcount alone: false, collected: true, flag freed: true
deferred captured by its reaction: freed by refcount alone: false, collected: true, flag freed: true
cycle through derived promises: freed by refcount alone: false, collected: true, flag freed: true
combinator with a partial result: freed by refcount alone: false, collected: true, flag freed: true
done
