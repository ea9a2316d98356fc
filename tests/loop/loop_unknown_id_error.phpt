--TEST--
Async\Loop::enable() / disable() / reference(): an id that is unknown, cancelled or already run is a ValueError naming it
--EXTENSIONS--
async
--FILE--
<?php
declare(strict_types=1);
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

$cancelled = Loop::delay(1, function () {});
Loop::cancel($cancelled);
$ran = Loop::defer(function () {});
Loop::run();

foreach (['enable', 'disable', 'reference'] as $method) {
    foreach (['nope', '123456789', $cancelled, $ran] as $id) {
        show_error(function () use ($method, $id) { Loop::$method($id); });
    }
}
show_error(function () { Loop::enable(''); });
// cancel() and unreference() never fail.
show_error(function () { Loop::cancel('nope'); Loop::unreference('nope'); });
?>
--EXPECTF--
ValueError: Async\Loop::enable(): Argument #1 ($id) must be the id of a watcher that exists, "nope" was cancelled, has already run or was never made
ValueError: Async\Loop::enable(): Argument #1 ($id) must be the id of a watcher that exists, "123456789" was cancelled, has already run or was never made
ValueError: Async\Loop::enable(): Argument #1 ($id) must be the id of a watcher that exists, "%d" was cancelled, has already run or was never made
ValueError: Async\Loop::enable(): Argument #1 ($id) must be the id of a watcher that exists, "%d" was cancelled, has already run or was never made
ValueError: Async\Loop::disable(): Argument #1 ($id) must be the id of a watcher that exists, "nope" was cancelled, has already run or was never made
ValueError: Async\Loop::disable(): Argument #1 ($id) must be the id of a watcher that exists, "123456789" was cancelled, has already run or was never made
ValueError: Async\Loop::disable(): Argument #1 ($id) must be the id of a watcher that exists, "%d" was cancelled, has already run or was never made
ValueError: Async\Loop::disable(): Argument #1 ($id) must be the id of a watcher that exists, "%d" was cancelled, has already run or was never made
ValueError: Async\Loop::reference(): Argument #1 ($id) must be the id of a watcher that exists, "nope" was cancelled, has already run or was never made
ValueError: Async\Loop::reference(): Argument #1 ($id) must be the id of a watcher that exists, "123456789" was cancelled, has already run or was never made
ValueError: Async\Loop::reference(): Argument #1 ($id) must be the id of a watcher that exists, "%d" was cancelled, has already run or was never made
ValueError: Async\Loop::reference(): Argument #1 ($id) must be the id of a watcher that exists, "%d" was cancelled, has already run or was never made
ValueError: Async\Loop::enable(): Argument #1 ($id) must be the id of a watcher that exists, "" was cancelled, has already run or was never made
no exception
