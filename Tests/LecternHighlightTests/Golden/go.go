package main

import "fmt"

// Add returns a sum.
func Add(a, b int) int { return a + b }

func main() {
	ch := make(chan string, 3)
	raw := `multi
line raw`
	fmt.Printf("%d %s\n", Add(1, 2), raw) /* block */
	close(ch)
}
