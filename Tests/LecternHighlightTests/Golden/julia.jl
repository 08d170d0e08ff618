#= multi-line
   comment =#
function fib(n::Int)::Int
    n <= 1 && return n
    return fib(n - 1) + fib(n - 2)  # recursion
end
println("fib(10) = $(fib(10))\n")
x = 1.5e-3
