--TEST--
Async\Loop: first-class callable syntax (PHP 8.1+) for functions, methods and internal functions
--EXTENSIONS--
async
--SKIPIF--
<?php if (PHP_VERSION_ID < 80100) die('skip PHP 8.1+ needed'); ?>
--FILE--
<?php
use Async\Loop;

class C {
    public int $n = 0;
    public function tick(string $id): void {
        echo "method: ", ++$this->n, "\n";
        if ($this->n === 3) {
            Loop::cancel($id);
        }
    }
    public static function once(string $id): void { echo "static method\n"; }
    public function __call($name, $args) { echo "__call($name)\n"; }
}
function f(string $id): void { echo "function\n"; }

$c = new C;
Loop::defer(f(...));
Loop::defer(C::once(...));
Loop::defer($c->magic(...));
Loop::repeat(0.001, $c->tick(...));
Loop::run();
Loop::defer(var_dump(...));
Loop::run();
?>
--EXPECTF--
function
static method
__call(magic)
method: 1
method: 2
method: 3
string(%d) "%d"
