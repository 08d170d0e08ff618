object Main extends App {
  // line comment
  case class Cat(name: String, lives: Int = 9)
  val cats = List(Cat("Tom"), Cat("Felix", 3))
  val s = s"There are ${cats.length} cats\n"
  /* block
     comment */
  cats.foreach { c => println(c.name) }
  val x: Double = 2.5e3
}
