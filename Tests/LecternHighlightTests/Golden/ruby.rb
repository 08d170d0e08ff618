# A class
class Greeter
  attr_reader :name
  def initialize(name = "you")
    @name = name
  end
  def greet = puts("Hello, #{@name}!\n")
end
=begin
block comment
=end
Greeter.new.greet if __FILE__ == $0
