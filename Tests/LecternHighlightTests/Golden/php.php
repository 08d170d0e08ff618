<?php
// Say hello
function greet(string $name): string {
    $n = 42;
    return "Hello, {$name}\n" . 'single';
}
/* block */
echo greet("world");
?>
<p>html part</p>
