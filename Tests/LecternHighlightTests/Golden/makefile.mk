# Build rules
CC ?= gcc
CFLAGS := -O2 -Wall
OBJS = $(patsubst %.c,%.o,$(wildcard src/*.c))
all: app
app: $(OBJS)
	$(CC) $(CFLAGS) -o $@ $^
.PHONY: clean
clean:
	rm -f app $(OBJS)
