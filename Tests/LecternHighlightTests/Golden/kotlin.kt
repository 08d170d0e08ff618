package demo
/* block comment */
data class User(val name: String, var age: Int = 0)
fun main() {
    val users = listOf(User("Ann", 31), User("Bo"))
    val text = """
        multi ${users.size}
    """.trimIndent()
    println("First: ${users.first().name}\n") // line
    val big = 1_000L
}
