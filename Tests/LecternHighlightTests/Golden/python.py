def greet(name: str) -> str:
    """Say hello.
    Twice."""
    count = 0x1F + 3.5  # a comment
    return f"hi {name}\n"
